"""Driving a build: the pipeline, which process runs what, reuse on rebuilds, many packs, watch mode, and the pack written as one unit."""
