"""Business rules of the marketplace: posts, the match index, introductions, digests, numbers."""
