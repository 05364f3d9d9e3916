"""English: word lists (lexicon), places (gazetteer) and word-level helpers over a spaCy Doc (syntax)."""
