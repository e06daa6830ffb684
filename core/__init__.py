"""The core: errors, records, blocks, statuses, options and defaults that every layer shares; imports nothing else."""
