-- What an import sent in the ModelSpec's config from the pre-flight's GPU fit (or the request's overrides):
-- required_vram_mb per GPU, tensor_parallel_size when above 1. Null: not sent.
ALTER TABLE import_record ADD COLUMN required_vram_mb BIGINT;
ALTER TABLE import_record ADD COLUMN tensor_parallel_size INT;
