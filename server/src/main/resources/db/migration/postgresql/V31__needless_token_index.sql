-- auth_tokens_user (user_id) is the beginning of auth_tokens_user_newest (user_id, id), which V30
-- added: every lookup of a user's tokens goes through the second as well, and each sign-in and
-- sign-out wrote both.
-- replaced by: auth_tokens_user_newest, which nodes of the version before use for the same lookups
DROP INDEX IF EXISTS auth_tokens_user;
