"""What is rendered: the one placeholder syntax and what each template under overrides/ is given."""
