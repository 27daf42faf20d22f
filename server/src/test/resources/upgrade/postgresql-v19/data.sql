SET session_replication_role = replica;
DELETE FROM document_pages;
INSERT INTO document_pages (file_id, page, terms, body) VALUES (2, 1, '''0'':4,6,10,16,22,28,34,40,46,52,58,64,70,76,82,88,94,100,106,112,118,124,130,136,142,148,154,160,166,172,178,184,190,196,202,208,214,220,226,232,238 ''1'':2,8,12,14,20,26,32,38,44,50,56,62,68,74,80,86,92,98,104,110,116,122,128,134,140,146,152,158,164,170,176,182,188,194,200,206,212,218,224,230,236 ''10'':66 ''11'':72 ''12'':78 ''13'':84 ''14'':90 ''15'':96 ''16'':102 ''17'':108 ''18'':114 ''19'':120 ''2'':18 ''20'':126 ''21'':132 ''22'':138 ''23'':144 ''24'':150 ''25'':156 ''26'':162 ''27'':168 ''28'':174 ''29'':180 ''3'':24 ''30'':186 ''31'':192 ''32'':198 ''33'':204 ''34'':210 ''35'':216 ''36'':222 ''37'':228 ''38'':234 ''39'':240 ''4'':30 ''5'':36 ''6'':42 ''7'':48 ''8'':54 ''9'':60 ''kept'':1,7,13,19,25,31,37,43,49,55,61,67,73,79,85,91,97,103,109,115,121,127,133,139,145,151,157,163,169,175,181,187,193,199,205,211,217,223,229,235 ''line'':5,11,17,23,29,35,41,47,53,59,65,71,77,83,89,95,101,107,113,119,125,131,137,143,149,155,161,167,173,179,185,191,197,203,209,215,221,227,233,239 ''page'':3,9,15,21,27,33,39,45,51,57,63,69,75,81,87,93,99,105,111,117,123,129,135,141,147,153,159,165,171,177,183,189,195,201,207,213,219,225,231,237', 'kept 1 / page 0 line 0
kept 1 / page 0 line 1
kept 1 / page 0 line 2
kept 1 / page 0 line 3
kept 1 / page 0 line 4
kept 1 / page 0 line 5
kept 1 / page 0 line 6
kept 1 / page 0 line 7
kept 1 / page 0 line 8
kept 1 / page 0 line 9
kept 1 / page 0 line 10
kept 1 / page 0 line 11
kept 1 / page 0 line 12
kept 1 / page 0 line 13
kept 1 / page 0 line 14
kept 1 / page 0 line 15
kept 1 / page 0 line 16
kept 1 / page 0 line 17
kept 1 / page 0 line 18
kept 1 / page 0 line 19
kept 1 / page 0 line 20
kept 1 / page 0 line 21
kept 1 / page 0 line 22
kept 1 / page 0 line 23
kept 1 / page 0 line 24
kept 1 / page 0 line 25
kept 1 / page 0 line 26
kept 1 / page 0 line 27
kept 1 / page 0 line 28
kept 1 / page 0 line 29
kept 1 / page 0 line 30
kept 1 / page 0 line 31
kept 1 / page 0 line 32
kept 1 / page 0 line 33
kept 1 / page 0 line 34
kept 1 / page 0 line 35
kept 1 / page 0 line 36
kept 1 / page 0 line 37
kept 1 / page 0 line 38
kept 1 / page 0 line 39');
INSERT INTO document_pages (file_id, page, terms, body) VALUES (3, 1, '''0'':4,6,10,16,22,28,34,40,46,52,58,64,70,76,82,88,94,100,106,112,118,124,130,136,142,148,154,160,166,172,178,184,190,196,202,208,214,220,226,232,238 ''1'':12 ''10'':66 ''11'':72 ''12'':78 ''13'':84 ''14'':90 ''15'':96 ''16'':102 ''17'':108 ''18'':114 ''19'':120 ''2'':2,8,14,18,20,26,32,38,44,50,56,62,68,74,80,86,92,98,104,110,116,122,128,134,140,146,152,158,164,170,176,182,188,194,200,206,212,218,224,230,236 ''20'':126 ''21'':132 ''22'':138 ''23'':144 ''24'':150 ''25'':156 ''26'':162 ''27'':168 ''28'':174 ''29'':180 ''3'':24 ''30'':186 ''31'':192 ''32'':198 ''33'':204 ''34'':210 ''35'':216 ''36'':222 ''37'':228 ''38'':234 ''39'':240 ''4'':30 ''5'':36 ''6'':42 ''7'':48 ''8'':54 ''9'':60 ''kept'':1,7,13,19,25,31,37,43,49,55,61,67,73,79,85,91,97,103,109,115,121,127,133,139,145,151,157,163,169,175,181,187,193,199,205,211,217,223,229,235 ''line'':5,11,17,23,29,35,41,47,53,59,65,71,77,83,89,95,101,107,113,119,125,131,137,143,149,155,161,167,173,179,185,191,197,203,209,215,221,227,233,239 ''page'':3,9,15,21,27,33,39,45,51,57,63,69,75,81,87,93,99,105,111,117,123,129,135,141,147,153,159,165,171,177,183,189,195,201,207,213,219,225,231,237', 'kept 2 / page 0 line 0
kept 2 / page 0 line 1
kept 2 / page 0 line 2
kept 2 / page 0 line 3
kept 2 / page 0 line 4
kept 2 / page 0 line 5
kept 2 / page 0 line 6
kept 2 / page 0 line 7
kept 2 / page 0 line 8
kept 2 / page 0 line 9
kept 2 / page 0 line 10
kept 2 / page 0 line 11
kept 2 / page 0 line 12
kept 2 / page 0 line 13
kept 2 / page 0 line 14
kept 2 / page 0 line 15
kept 2 / page 0 line 16
kept 2 / page 0 line 17
kept 2 / page 0 line 18
kept 2 / page 0 line 19
kept 2 / page 0 line 20
kept 2 / page 0 line 21
kept 2 / page 0 line 22
kept 2 / page 0 line 23
kept 2 / page 0 line 24
kept 2 / page 0 line 25
kept 2 / page 0 line 26
kept 2 / page 0 line 27
kept 2 / page 0 line 28
kept 2 / page 0 line 29
kept 2 / page 0 line 30
kept 2 / page 0 line 31
kept 2 / page 0 line 32
kept 2 / page 0 line 33
kept 2 / page 0 line 34
kept 2 / page 0 line 35
kept 2 / page 0 line 36
kept 2 / page 0 line 37
kept 2 / page 0 line 38
kept 2 / page 0 line 39');
INSERT INTO document_pages (file_id, page, terms, body) VALUES (1, 1, '''0'':2,6,8,10,14,18,22,26,30,34,38,42,46,50,54,58,62,66,70,74,78,82,86,90,94,98,102,106,110,114,118,122,126,130,134,138,142,146,150,154,158,162,166,170,174,178,182,186,190,194,198,202,206,210,214,218,222,226,230,234,238,242,246,250,254,258,262,266,270,274,278,282,286,290,294,298,302,306,310,314,318 ''1'':16 ''10'':88 ''11'':96 ''12'':104 ''13'':112 ''14'':120 ''15'':128 ''16'':136 ''17'':144 ''18'':152 ''19'':160 ''2'':24 ''20'':168 ''21'':176 ''22'':184 ''23'':192 ''24'':200 ''25'':208 ''26'':216 ''27'':224 ''28'':232 ''29'':240 ''3'':32 ''30'':248 ''31'':256 ''32'':264 ''33'':272 ''34'':280 ''35'':288 ''36'':296 ''37'':304 ''38'':312 ''39'':320 ''4'':40 ''5'':48 ''6'':56 ''7'':64 ''8'':72 ''9'':80 ''edit'':4,12,20,28,36,44,52,60,68,76,84,92,100,108,116,124,132,140,148,156,164,172,180,188,196,204,212,220,228,236,244,252,260,268,276,284,292,300,308,316 ''kept'':1,9,17,25,33,41,49,57,65,73,81,89,97,105,113,121,129,137,145,153,161,169,177,185,193,201,209,217,225,233,241,249,257,265,273,281,289,297,305,313 ''line'':7,15,23,31,39,47,55,63,71,79,87,95,103,111,119,127,135,143,151,159,167,175,183,191,199,207,215,223,231,239,247,255,263,271,279,287,295,303,311,319 ''page'':5,13,21,29,37,45,53,61,69,77,85,93,101,109,117,125,133,141,149,157,165,173,181,189,197,205,213,221,229,237,245,253,261,269,277,285,293,301,309,317 ''second'':3,11,19,27,35,43,51,59,67,75,83,91,99,107,115,123,131,139,147,155,163,171,179,187,195,203,211,219,227,235,243,251,259,267,275,283,291,299,307,315', 'kept 0, second edition / page 0 line 0
kept 0, second edition / page 0 line 1
kept 0, second edition / page 0 line 2
kept 0, second edition / page 0 line 3
kept 0, second edition / page 0 line 4
kept 0, second edition / page 0 line 5
kept 0, second edition / page 0 line 6
kept 0, second edition / page 0 line 7
kept 0, second edition / page 0 line 8
kept 0, second edition / page 0 line 9
kept 0, second edition / page 0 line 10
kept 0, second edition / page 0 line 11
kept 0, second edition / page 0 line 12
kept 0, second edition / page 0 line 13
kept 0, second edition / page 0 line 14
kept 0, second edition / page 0 line 15
kept 0, second edition / page 0 line 16
kept 0, second edition / page 0 line 17
kept 0, second edition / page 0 line 18
kept 0, second edition / page 0 line 19
kept 0, second edition / page 0 line 20
kept 0, second edition / page 0 line 21
kept 0, second edition / page 0 line 22
kept 0, second edition / page 0 line 23
kept 0, second edition / page 0 line 24
kept 0, second edition / page 0 line 25
kept 0, second edition / page 0 line 26
kept 0, second edition / page 0 line 27
kept 0, second edition / page 0 line 28
kept 0, second edition / page 0 line 29
kept 0, second edition / page 0 line 30
kept 0, second edition / page 0 line 31
kept 0, second edition / page 0 line 32
kept 0, second edition / page 0 line 33
kept 0, second edition / page 0 line 34
kept 0, second edition / page 0 line 35
kept 0, second edition / page 0 line 36
kept 0, second edition / page 0 line 37
kept 0, second edition / page 0 line 38
kept 0, second edition / page 0 line 39');
INSERT INTO document_pages (file_id, page, terms, body) VALUES (4, 1, '''0'':5,7,12,19,26,33,40,47,54,61,68,75,82,89,96,103,110,117,124,131,138,145,152,159,166,173,180,187,194,201,208,215,222,229,236,243,250,257,264,271,278 ''1'':14 ''10'':77 ''11'':84 ''12'':91 ''13'':98 ''14'':105 ''15'':112 ''16'':119 ''17'':126 ''18'':133 ''19'':140 ''2'':21 ''20'':147 ''21'':154 ''22'':161 ''23'':168 ''24'':175 ''25'':182 ''26'':189 ''27'':196 ''28'':203 ''29'':210 ''3'':28 ''30'':217 ''31'':224 ''32'':231 ''33'':238 ''34'':245 ''35'':252 ''36'':259 ''37'':266 ''38'':273 ''39'':280 ''4'':35 ''5'':42 ''6'':49 ''7'':56 ''8'':63 ''9'':70 ''line'':6,13,20,27,34,41,48,55,62,69,76,83,90,97,104,111,118,125,132,139,146,153,160,167,174,181,188,195,202,209,216,223,230,237,244,251,258,265,272,279 ''page'':4,11,18,25,32,39,46,53,60,67,74,81,88,95,102,109,116,123,130,137,144,151,158,165,172,179,186,193,200,207,214,221,228,235,242,249,256,263,270,277 ''quartzite911'':2,9,16,23,30,37,44,51,58,65,72,79,86,93,100,107,114,121,128,135,142,149,156,163,170,177,184,191,198,205,212,219,226,233,240,247,254,261,268,275 ''report'':3,10,17,24,31,38,45,52,59,66,73,80,87,94,101,108,115,122,129,136,143,150,157,164,171,178,185,192,199,206,213,220,227,234,241,248,255,262,269,276', 'the quartzite911 report / page 0 line 0
the quartzite911 report / page 0 line 1
the quartzite911 report / page 0 line 2
the quartzite911 report / page 0 line 3
the quartzite911 report / page 0 line 4
the quartzite911 report / page 0 line 5
the quartzite911 report / page 0 line 6
the quartzite911 report / page 0 line 7
the quartzite911 report / page 0 line 8
the quartzite911 report / page 0 line 9
the quartzite911 report / page 0 line 10
the quartzite911 report / page 0 line 11
the quartzite911 report / page 0 line 12
the quartzite911 report / page 0 line 13
the quartzite911 report / page 0 line 14
the quartzite911 report / page 0 line 15
the quartzite911 report / page 0 line 16
the quartzite911 report / page 0 line 17
the quartzite911 report / page 0 line 18
the quartzite911 report / page 0 line 19
the quartzite911 report / page 0 line 20
the quartzite911 report / page 0 line 21
the quartzite911 report / page 0 line 22
the quartzite911 report / page 0 line 23
the quartzite911 report / page 0 line 24
the quartzite911 report / page 0 line 25
the quartzite911 report / page 0 line 26
the quartzite911 report / page 0 line 27
the quartzite911 report / page 0 line 28
the quartzite911 report / page 0 line 29
the quartzite911 report / page 0 line 30
the quartzite911 report / page 0 line 31
the quartzite911 report / page 0 line 32
the quartzite911 report / page 0 line 33
the quartzite911 report / page 0 line 34
the quartzite911 report / page 0 line 35
the quartzite911 report / page 0 line 36
the quartzite911 report / page 0 line 37
the quartzite911 report / page 0 line 38
the quartzite911 report / page 0 line 39');
DELETE FROM document_previews;
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (2, 160, '451b4591b1120b38f1d772f8f18d8cf10f1906ff5b29158a0c85fa72df93c990', 'local', 'a7f6fe58038ecbd311d431e614106fd3', 6821, 1796191694911);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (2, 320, '451b4591b1120b38f1d772f8f18d8cf10f1906ff5b29158a0c85fa72df93c990', 'local', '0cadcb7a94a7078e2bd67a33eea19dce', 23539, 1796191694917);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (2, 640, '451b4591b1120b38f1d772f8f18d8cf10f1906ff5b29158a0c85fa72df93c990', 'local', 'e47515b75e0b9d958b37e5cc0713e210', 68062, 1796191694921);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (3, 160, 'd248a6ecf776be11de4cce2b169a29c90e63fe11ed3d86fa6f31005f1c0b3356', 'local', 'f568cabc1d63c259d2ff5381cc6ddfc5', 6794, 1796191695000);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (3, 320, 'd248a6ecf776be11de4cce2b169a29c90e63fe11ed3d86fa6f31005f1c0b3356', 'local', 'ee4eef03aaa42df0d7f9349a9f62febf', 23886, 1796191695007);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (3, 640, 'd248a6ecf776be11de4cce2b169a29c90e63fe11ed3d86fa6f31005f1c0b3356', 'local', '54fc6b669a050abdae0582ccf9981a33', 70091, 1796191695015);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (1, 160, '9fab3cd93ae8c4fe975eeee32d096a4819bf59acd32b69685c28cc7de2c83257', 'local', '7c29c108969e9a764144729f07252424', 9551, 1796191695096);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (1, 320, '9fab3cd93ae8c4fe975eeee32d096a4819bf59acd32b69685c28cc7de2c83257', 'local', '8db0874f59baa1b0ceab3d5268dd27f9', 36081, 1796191695101);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (1, 640, '9fab3cd93ae8c4fe975eeee32d096a4819bf59acd32b69685c28cc7de2c83257', 'local', '9e3cc9cab22df420d64a6178edfbb02f', 106031, 1796191695105);
DELETE FROM file_counts;
INSERT INTO file_counts (owner_id, files, users_files) VALUES (1, 4, 4);
DELETE FROM mail_outbox;
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (1, 'alice368355@example.org', 'Confirm your email address for fileshare', '', 1796191693671, 1796191693671, 0, NULL, 1796191693856, NULL, NULL);
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (2, 'bob368356@example.org', 'Confirm your email address for fileshare', '', 1796191694027, 1796191694027, 0, NULL, 1796191694111, NULL, NULL);
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (3, 'bob368356@example.org', 'alice368355 shared "kept-1.pdf" with you', '', 1796191694541, 1796191694541, 0, NULL, 1796191694688, NULL, NULL);
DELETE FROM rate_limits;
INSERT INTO rate_limits (bucket, hits, window_end) VALUES ('/api/user/register@127.0.0.1|10/PT1H', 2, 1796195293546);
INSERT INTO rate_limits (bucket, hits, window_end) VALUES ('/api/user/login@127.0.0.1|30/PT1M', 2, 1796191753913);
INSERT INTO rate_limits (bucket, hits, window_end) VALUES ('shares@1|100/PT1H', 1, 1796195294530);
DELETE FROM recipient_codes;
DELETE FROM storage_damage;
DELETE FROM storage_verification;
DELETE FROM users;
INSERT INTO users (id, username, username_key, email, email_key, password_hash, email_verified, joined_at) VALUES (1, 'alice368355', 'alice368355', 'alice368355@example.org', 'alice368355@example.org', '{argon2}$argon2id$v=19$m=19456,t=2,p=1$tzwvxj94Db8vLTvrgfeEEw$4ZkOPn3b07fFkj1ijZCrmeyQRRRnxZhpoXgEaBhIrg8', TRUE, 1796191693663);
INSERT INTO users (id, username, username_key, email, email_key, password_hash, email_verified, joined_at) VALUES (2, 'bob368356', 'bob368356', 'bob368356@example.org', 'bob368356@example.org', '{argon2}$argon2id$v=19$m=19456,t=2,p=1$j8wZGbhhEE2sVuW5vj6kIw$mhWjTVW7rwecOpsxr8KoXHR6VYwKWGP0Yv3Ei0U9V0w', TRUE, 1796191694024);
DELETE FROM visible_file_counts;
INSERT INTO visible_file_counts (stripe, files) VALUES (0, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (7, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (8, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (9, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (10, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (11, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (12, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (13, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (14, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (15, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (1, 1);
INSERT INTO visible_file_counts (stripe, files) VALUES (2, 1);
INSERT INTO visible_file_counts (stripe, files) VALUES (3, 1);
INSERT INTO visible_file_counts (stripe, files) VALUES (4, 1);
INSERT INTO visible_file_counts (stripe, files) VALUES (5, 0);
INSERT INTO visible_file_counts (stripe, files) VALUES (6, 0);
DELETE FROM account_tokens;
DELETE FROM activity;
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (1, 1, 1, 1, 'kept-0.pdf', 'uploaded', '', 1796191694334);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (2, 1, 1, 2, 'kept-1.pdf', 'uploaded', '', 1796191694407);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (3, 1, 1, 3, 'kept-2.pdf', 'uploaded', '', 1796191694439);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (4, 1, 1, 1, 'kept-0.pdf', 'replaced', '2', 1796191694500);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (5, 1, 1, 2, 'kept-1.pdf', 'shared', 'bob368356', 1796191694552);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (6, 1, 1, 3, 'kept-2.pdf', 'link_created', '1', 1796191694690);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (7, 1, 1, 4, 'searched.pdf', 'uploaded', '', 1796191694738);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (8, 1, 1, 5, 'trashed.pdf', 'uploaded', '', 1796191694774);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (9, 1, 1, 5, 'trashed.pdf', 'deleted', '', 1796191694795);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (10, 1, 1, 6, 'purged.pdf', 'uploaded', '', 1796191694832);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (11, 1, 1, 6, 'purged.pdf', 'deleted', '', 1796191694854);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (12, 1, 1, 6, 'purged.pdf', 'purged', '', 1796191694883);
DELETE FROM auth_tokens;
INSERT INTO auth_tokens (id, token_hash, user_id, created_at, last_used_at, expires_at) VALUES (1, '8c77c8e43dc90e7ae0480661db45835f8924bceb4763ba09295433c48ff2810d', 1, 1796191693947, 1796191693947, 4949791693947);
INSERT INTO auth_tokens (id, token_hash, user_id, created_at, last_used_at, expires_at) VALUES (2, 'b04f34bcef85084d04f5f0cb7dffedb4c95dd589ca8e3f33b8ec7f156890fa5a', 2, 1796191694175, 1796191694175, 4949791694175);
DELETE FROM file_requests;
DELETE FROM files;
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at) VALUES (2, 1, 'kept-1.pdf', 'kept-1.pdf', 'adee7620678d8c6a0ecfb365db182d6c', 2290, '451b4591b1120b38f1d772f8f18d8cf10f1906ff5b29158a0c85fa72df93c990', 'application/pdf', 'users', 1796191694406, 1796191694406, 'local', NULL, NULL, 1, NULL, NULL);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at) VALUES (3, 1, 'kept-2.pdf', 'kept-2.pdf', 'a311883f3f0ca48088a9f4f7cd0fff9c', 2290, 'd248a6ecf776be11de4cce2b169a29c90e63fe11ed3d86fa6f31005f1c0b3356', 'application/pdf', 'users', 1796191694435, 1796191694435, 'local', NULL, NULL, 1, NULL, NULL);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at) VALUES (1, 1, 'kept-0.pdf', 'kept-0.pdf', '3e82740c173e0948be0a614f7b2fa897', 2930, '9fab3cd93ae8c4fe975eeee32d096a4819bf59acd32b69685c28cc7de2c83257', 'application/pdf', 'users', 1796191694329, 1796191694489, 'local', NULL, NULL, 2, 1, 1796191694489);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at) VALUES (4, 1, 'searched.pdf', 'searched.pdf', '0cb39b14560ab6a89614cae3adca19d6', 2970, 'cf0d05ab8906b51c10af5e68538d9a4b493d41ebf77511e87c76e8e69fc49fa0', 'application/pdf', 'users', 1796191694737, 1796191694737, 'local', NULL, NULL, 1, NULL, NULL);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at) VALUES (5, 1, 'trashed.pdf', 'trashed.pdf', 'c54c4d19d704716cf673bc728b15da3d', 2330, 'c61003615bead54569865777ea9710cc5bd48005389d45a633dc840d325d0f68', 'application/pdf', 'users', 1796191694771, 1796191694771, 'local', NULL, 1796191694793, 1, NULL, NULL);
DELETE FROM link_events;
DELETE FROM request_uploads;
DELETE FROM request_visits;
DELETE FROM share_links;
INSERT INTO share_links (id, file_id, owner_id, token, label, expires_at, password_hash, max_downloads, downloads, notify_first_download, created_at, updated_at, recipients, mode, watermark) VALUES (1, 3, 1, '1bd4ba8a649dc1ee90525a720c7e32692784319f', '', NULL, '{argon2}$argon2id$v=19$m=19456,t=2,p=1$RSJ/65RbSKYLp+ZGo6lDQw$sPd7AmsNeJD5WU7TRmjlLi/fRLzsZH4WN58sp2PZGHA', NULL, 0, FALSE, 1796191694675, 1796191694675, NULL, 'download', FALSE);
DELETE FROM storage_usage;
INSERT INTO storage_usage (user_id, bytes, files, reserved, quota_bytes, quota_files) VALUES (1, 15100, 5, 0, NULL, NULL);
DELETE FROM tus_uploads;
DELETE FROM documents;
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (5, 'c61003615bead54569865777ea9710cc5bd48005389d45a633dc840d325d0f68', 'pending', 0, 1796191694778, NULL, NULL, NULL, NULL, 1796191694778);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (2, '451b4591b1120b38f1d772f8f18d8cf10f1906ff5b29158a0c85fa72df93c990', 'indexed', 0, 1796191694408, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796191694813);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (3, 'd248a6ecf776be11de4cce2b169a29c90e63fe11ed3d86fa6f31005f1c0b3356', 'indexed', 0, 1796191694444, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796191694940);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (1, '9fab3cd93ae8c4fe975eeee32d096a4819bf59acd32b69685c28cc7de2c83257', 'indexed', 0, 1796191694501, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796191695031);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (4, 'cf0d05ab8906b51c10af5e68538d9a4b493d41ebf77511e87c76e8e69fc49fa0', 'pending', 1, 1796191755214, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', 'ClosedByInterruptException', 1796191695214);
DELETE FROM file_shares;
INSERT INTO file_shares (id, file_id, recipient_id, invited_email, invited_key, permission, shared_by, created_at, updated_at) VALUES (1, 2, 2, NULL, NULL, 'read', 1, 1796191694536, 1796191694536);
DELETE FROM file_versions;
INSERT INTO file_versions (id, file_id, number, store, blob_key, size, sha256, content_type, created_at, uploaded_by, replaced_at, replaced_by) VALUES (1, 1, 1, 'local', 'aef88ceddf96a062302f237bcfd00c01', 2290, '79937b6f1b9d5519f4b9f2ed5af40da46bee20b79bc3772cf253b0f6008d2f89', 'application/pdf', 1796191694329, 1, 1796191694489, 1);
DELETE FROM link_unlocks;
DELETE FROM tus_pieces;
SELECT setval(pg_get_serial_sequence('users', 'id'), 2);
SELECT setval(pg_get_serial_sequence('auth_tokens', 'id'), 2);
SELECT setval(pg_get_serial_sequence('mail_outbox', 'id'), 3);
SELECT setval(pg_get_serial_sequence('file_shares', 'id'), 1);
SELECT setval(pg_get_serial_sequence('share_links', 'id'), 1);
SELECT setval(pg_get_serial_sequence('files', 'id'), 6);
SELECT setval(pg_get_serial_sequence('file_versions', 'id'), 1);
SELECT setval(pg_get_serial_sequence('activity', 'id'), 12);
SET session_replication_role = DEFAULT;
