"""Reference knowledge: code tables, gazetteers and other versioned data with typed loaders."""
