"""The spaCy pipeline: loading it (load), the news entity component (entities), name boundaries and titles
(names) and parts of speech from the tags (tagmap). Only this layer writes to a Doc."""
