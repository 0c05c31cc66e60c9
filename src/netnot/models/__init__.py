"""Models: pure numpy functions of parameters and a seed, one module per topic."""
