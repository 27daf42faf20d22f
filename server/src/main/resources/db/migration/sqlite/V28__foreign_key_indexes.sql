-- An index for every foreign key that had none. Deleting an account sets these columns to NULL
-- (or deletes the rows) wherever they name it, and the database finds those rows through the
-- referring column: without an index it read every file, version and activity row ever written,
-- while holding the write lock. Checked for every foreign key by ForeignKeyIndexIntegrationTests.
CREATE INDEX files_content_by ON files (content_by);
CREATE INDEX file_versions_uploaded_by ON file_versions (uploaded_by);
CREATE INDEX file_versions_replaced_by ON file_versions (replaced_by);
CREATE INDEX activity_actor ON activity (actor_id);
CREATE INDEX invitations_invited_by ON invitations (invited_by);
CREATE INDEX invitations_used_by ON invitations (used_by);
CREATE INDEX sign_in_challenges_user ON sign_in_challenges (user_id);
CREATE INDEX sso_codes_user ON sso_codes (user_id);
