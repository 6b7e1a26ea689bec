"""Tools around the project that are not part of the site generator: the benchmark and the
helpers tests and benchmarks share."""
