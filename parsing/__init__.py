"""Format-agnostic parsing: blocks in, a ParsedReport out. Pure code, no I/O."""
PARSER_VERSION = "8"  # bump when a parser change should make `dmaf reprocess` rebuild facts
