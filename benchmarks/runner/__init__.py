"""The pieces of benchmarks/run: which programs and sizes (programs), which
interpreters (configs), running and timing them (measure), summarising and
writing the results (report) and drawing the chart (chart)."""
