-- Images by their URL: GET /api/v1/images?url= (an integrator's find-or-create, so a re-sync makes no second image of
-- one file) and import's lookup of an image it has stored before. IF NOT EXISTS: see 0012.
CREATE INDEX IF NOT EXISTS ix_images_url ON images (url);
