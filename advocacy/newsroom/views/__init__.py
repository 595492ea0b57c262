"""The newsroom's admin views, one module per tool."""
