"""The run machinery: one file end to end, the worker-process pool, discovery, file identity and the refresh plan."""
