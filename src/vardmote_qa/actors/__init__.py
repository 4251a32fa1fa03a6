"""People in a visit, in domain words: what they do and what they see."""
