"""Reference data (catalog, gazetteer, cycles) shipped as CSV files with the code."""
