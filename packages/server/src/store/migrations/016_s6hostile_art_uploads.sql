-- Card images each user uploaded, once per image: what their upload quota counts (images and
-- bytes). Images are kept by their hash, shared by whoever uploads the same bytes, so this is
-- the only record of whose upload it was.
CREATE TABLE IF NOT EXISTS content_art_uploads (
  user_id text NOT NULL REFERENCES users (id),
  sha256 text NOT NULL,
  size integer NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, sha256)
);
