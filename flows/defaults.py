"""Batch defaults of the ingest and refresh flows, importable without Prefect (the CLI shows them in --help)."""

DEFAULT_BATCH_SIZE = 50
"""Files per parse task. Measured (README "Nightly refresh", Measured): 324 mixed PDF/DOCX/TXT reports on 2
cores ingest in 64.6 s with batches of 50, 67.4 s with 200 and 84.5 s with 10; a batch of 50 is a few
seconds to 30 s of parsing, so the progress bar and a retried load move in small steps."""

DEFAULT_PARALLEL_BATCHES = 2
"""Parse tasks in flight at once. Their files share one pool of worker processes, so the next batch's
files keep the cores busy while a batch's last file finishes. Measured (bench, 300 mixed reports, 2
cores): 6 batches of 50 one at a time on one pool 32.8 s, two at a time 28.7 s, all files in one
call 27.7 s."""
