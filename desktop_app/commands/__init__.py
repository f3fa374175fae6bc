"""The `ahtc` subcommands, one module per area; cli.py assembles them."""
