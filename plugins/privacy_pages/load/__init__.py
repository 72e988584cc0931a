"""Loading: YAML files read with their locations, checked against the schema, linked into a Dataset."""
