"""``python -m dmaf`` runs the command line."""

from dmaf.cli import main

main()
