"""The newsroom's models, one module per tool."""
