"""The Excel exchange: the plan template, its import with preview, the quarterly results sheet."""
