SET session_replication_role = replica;
DELETE FROM audit_log;
INSERT INTO audit_log (id, at, action, actor_id, actor_name, subject_id, address, detail) VALUES (1, 1796321352686, 'signed_in', 1, 'alice290941', 1, '127.0.0.1', '{}');
INSERT INTO audit_log (id, at, action, actor_id, actor_name, subject_id, address, detail) VALUES (2, 1796321353101, 'signed_in', 2, 'bob290942', 2, '127.0.0.1', '{}');
INSERT INTO audit_log (id, at, action, actor_id, actor_name, subject_id, address, detail) VALUES (3, 1796321355138, 'api_key_created', 1, 'alice290941', 1, '127.0.0.1', '{"scopes":"files:read account","key":1,"name":"backup script"}');
INSERT INTO audit_log (id, at, action, actor_id, actor_name, subject_id, address, detail) VALUES (4, 1796321355460, 'signed_in', 3, 'carol290943', 3, '127.0.0.1', '{}');
INSERT INTO audit_log (id, at, action, actor_id, actor_name, subject_id, address, detail) VALUES (5, 1796321355569, 'two_factor_enabled', 3, 'carol290943', 3, '127.0.0.1', '{}');
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
INSERT INTO document_pages (file_id, page, terms, body) VALUES (4, 1, '''0'':5,7,12,19,26,33,40,47,54,61,68,75,82,89,96,103,110,117,124,131,138,145,152,159,166,173,180,187,194,201,208,215,222,229,236,243,250,257,264,271,278 ''1'':14 ''10'':77 ''11'':84 ''12'':91 ''13'':98 ''14'':105 ''15'':112 ''16'':119 ''17'':126 ''18'':133 ''19'':140 ''2'':21 ''20'':147 ''21'':154 ''22'':161 ''23'':168 ''24'':175 ''25'':182 ''26'':189 ''27'':196 ''28'':203 ''29'':210 ''3'':28 ''30'':217 ''31'':224 ''32'':231 ''33'':238 ''34'':245 ''35'':252 ''36'':259 ''37'':266 ''38'':273 ''39'':280 ''4'':35 ''5'':42 ''6'':49 ''7'':56 ''8'':63 ''9'':70 ''line'':6,13,20,27,34,41,48,55,62,69,76,83,90,97,104,111,118,125,132,139,146,153,160,167,174,181,188,195,202,209,216,223,230,237,244,251,258,265,272,279 ''page'':4,11,18,25,32,39,46,53,60,67,74,81,88,95,102,109,116,123,130,137,144,151,158,165,172,179,186,193,200,207,214,221,228,235,242,249,256,263,270,277 ''quartzite93'':2,9,16,23,30,37,44,51,58,65,72,79,86,93,100,107,114,121,128,135,142,149,156,163,170,177,184,191,198,205,212,219,226,233,240,247,254,261,268,275 ''report'':3,10,17,24,31,38,45,52,59,66,73,80,87,94,101,108,115,122,129,136,143,150,157,164,171,178,185,192,199,206,213,220,227,234,241,248,255,262,269,276', 'the quartzite93 report / page 0 line 0
the quartzite93 report / page 0 line 1
the quartzite93 report / page 0 line 2
the quartzite93 report / page 0 line 3
the quartzite93 report / page 0 line 4
the quartzite93 report / page 0 line 5
the quartzite93 report / page 0 line 6
the quartzite93 report / page 0 line 7
the quartzite93 report / page 0 line 8
the quartzite93 report / page 0 line 9
the quartzite93 report / page 0 line 10
the quartzite93 report / page 0 line 11
the quartzite93 report / page 0 line 12
the quartzite93 report / page 0 line 13
the quartzite93 report / page 0 line 14
the quartzite93 report / page 0 line 15
the quartzite93 report / page 0 line 16
the quartzite93 report / page 0 line 17
the quartzite93 report / page 0 line 18
the quartzite93 report / page 0 line 19
the quartzite93 report / page 0 line 20
the quartzite93 report / page 0 line 21
the quartzite93 report / page 0 line 22
the quartzite93 report / page 0 line 23
the quartzite93 report / page 0 line 24
the quartzite93 report / page 0 line 25
the quartzite93 report / page 0 line 26
the quartzite93 report / page 0 line 27
the quartzite93 report / page 0 line 28
the quartzite93 report / page 0 line 29
the quartzite93 report / page 0 line 30
the quartzite93 report / page 0 line 31
the quartzite93 report / page 0 line 32
the quartzite93 report / page 0 line 33
the quartzite93 report / page 0 line 34
the quartzite93 report / page 0 line 35
the quartzite93 report / page 0 line 36
the quartzite93 report / page 0 line 37
the quartzite93 report / page 0 line 38
the quartzite93 report / page 0 line 39');
DELETE FROM document_previews;
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (2, 160, '0b44abc796bae9404d48a2af63f8b06cc88de5e759cee283601af96e2d5c2f0b', 'local', 'be34b5a597735089a43f24a6585be893', 6821, 1796321354566);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (2, 320, '0b44abc796bae9404d48a2af63f8b06cc88de5e759cee283601af96e2d5c2f0b', 'local', '928060a0f6985fa280a93fb2d482ce06', 23539, 1796321354584);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (2, 640, '0b44abc796bae9404d48a2af63f8b06cc88de5e759cee283601af96e2d5c2f0b', 'local', '749f82649551ccb91d697c0f42bc0e98', 68062, 1796321354593);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (3, 160, '0080fb3d293a3b6607f6905ca02fa05bd9ab5c4464e438539f715a48ccad3deb', 'local', '7b3f55c11540a55f2adca8a42fe42288', 6794, 1796321354758);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (3, 320, '0080fb3d293a3b6607f6905ca02fa05bd9ab5c4464e438539f715a48ccad3deb', 'local', 'b4dd9b055ce9ba456815d8ce8894986a', 23886, 1796321354762);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (3, 640, '0080fb3d293a3b6607f6905ca02fa05bd9ab5c4464e438539f715a48ccad3deb', 'local', 'd169b383757a050e55c1998ce1b3fa19', 70091, 1796321354769);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (1, 160, '49698fda03ed72451148aab8ba27d51be7e6371930acbe4a2644e8ba29417605', 'local', '62293d77194771bc34cd9748af1e9be6', 9551, 1796321354950);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (1, 320, '49698fda03ed72451148aab8ba27d51be7e6371930acbe4a2644e8ba29417605', 'local', '20aeb0f1f5d103e264a2d19a84b78c7c', 36081, 1796321354955);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (1, 640, '49698fda03ed72451148aab8ba27d51be7e6371930acbe4a2644e8ba29417605', 'local', 'c927fc58a59b66b44fb78ab9becaf3c6', 106031, 1796321354962);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (4, 160, 'a5319b22d226ad5b5822a3a6e707e0cd9fef8c15fb7946aa0010c02c4cc2f7d2', 'local', '5bc6d3219a162332b68b7a91da22794d', 9724, 1796321355089);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (4, 320, 'a5319b22d226ad5b5822a3a6e707e0cd9fef8c15fb7946aa0010c02c4cc2f7d2', 'local', '7905c3a9418a6b2a836a67567d0c9a0e', 36059, 1796321355092);
INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size, created_at) VALUES (4, 640, 'a5319b22d226ad5b5822a3a6e707e0cd9fef8c15fb7946aa0010c02c4cc2f7d2', 'local', '7864a0186b3f19b9ea800062c2603308', 106838, 1796321355101);
DELETE FROM file_counts;
INSERT INTO file_counts (owner_id, files, users_files) VALUES (1, 4, 4);
DELETE FROM mail_outbox;
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (1, 'alice290941@example.org', 'Confirm your email address for fileshare', '', 1796321352278, 1796321352278, 0, NULL, 1796321352542, NULL, NULL);
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (2, 'bob290942@example.org', 'Confirm your email address for fileshare', '', 1796321352803, 1796321352803, 0, NULL, 1796321352907, NULL, NULL);
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (3, 'bob290942@example.org', 'alice290941 shared "kept-1.pdf" with you', '', 1796321353839, 1796321353839, 0, NULL, 1796321353915, NULL, NULL);
INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts, locked_until, sent_at, failed_at, last_error) VALUES (4, 'carol290943@example.org', 'Confirm your email address for fileshare', '', 1796321355257, 1796321355257, 0, NULL, 1796321355345, NULL, NULL);
DELETE FROM rate_limits;
INSERT INTO rate_limits (bucket, hits, window_end) VALUES ('shares@1|100/PT1H', 1, 1796324953831);
INSERT INTO rate_limits (bucket, hits, window_end) VALUES ('/api/user/register@127.0.0.1|10/PT1H', 3, 1796324951894);
INSERT INTO rate_limits (bucket, hits, window_end) VALUES ('/api/user/login@127.0.0.1|30/PT1M', 3, 1796321412601);
DELETE FROM recipient_codes;
DELETE FROM site_totals;
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (1, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (4, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (5, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (8, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (9, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (13, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (14, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (15, 0, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (3, 1, 0, 0);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (2, 0, 1, 2290);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (6, 0, 1, 2290);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (12, 0, 0, 2930);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (7, 0, 1, 2930);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (11, 0, 2, 4620);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (0, 0, -1, -2290);
INSERT INTO site_totals (stripe, users, files, bytes) VALUES (10, 2, 1, 2290);
DELETE FROM sso_requests;
DELETE FROM storage_damage;
DELETE FROM storage_verification;
DELETE FROM store_totals;
INSERT INTO store_totals (store, stripe, blobs, bytes) VALUES ('local', 2, 1, 2290);
INSERT INTO store_totals (store, stripe, blobs, bytes) VALUES ('local', 3, 1, 2290);
INSERT INTO store_totals (store, stripe, blobs, bytes) VALUES ('local', 1, 2, 5220);
INSERT INTO store_totals (store, stripe, blobs, bytes) VALUES ('local', 4, 1, 2930);
INSERT INTO store_totals (store, stripe, blobs, bytes) VALUES ('local', 5, 1, 2330);
INSERT INTO store_totals (store, stripe, blobs, bytes) VALUES ('local', 6, 0, 0);
DELETE FROM users;
INSERT INTO users (id, username, username_key, email, email_key, password_hash, email_verified, joined_at, is_admin, disabled_at, last_login_at, approval_requested_at) VALUES (1, 'alice290941', 'alice290941', 'alice290941@example.org', 'alice290941@example.org', '{argon2}$argon2id$v=19$m=19456,t=2,p=1$nIJKBq4w1lqKEwqInOUUnw$y8pCUhdaylXfeaYxu4hEBJilq77Vatb+Ac+oRYi0I0w', TRUE, 1796321352259, FALSE, NULL, 1796321352675, NULL);
INSERT INTO users (id, username, username_key, email, email_key, password_hash, email_verified, joined_at, is_admin, disabled_at, last_login_at, approval_requested_at) VALUES (2, 'bob290942', 'bob290942', 'bob290942@example.org', 'bob290942@example.org', '{argon2}$argon2id$v=19$m=19456,t=2,p=1$y5HznlT1qGjl7HPK8Op+rg$QaLJKwskkSr998LDaN4BZDXBw1K/GG265hrWs0DvUR0', TRUE, 1796321352800, FALSE, NULL, 1796321353098, NULL);
INSERT INTO users (id, username, username_key, email, email_key, password_hash, email_verified, joined_at, is_admin, disabled_at, last_login_at, approval_requested_at) VALUES (3, 'carol290943', 'carol290943', 'carol290943@example.org', 'carol290943@example.org', '{argon2}$argon2id$v=19$m=19456,t=2,p=1$GX/xbn7VF6n98I28ZBi8lg$406ZigpwsblwGOOg7eGs6hLxXepthLITkkUcn+HHb2s', TRUE, 1796321355252, FALSE, NULL, 1796321355457, NULL);
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
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (1, 1, 1, 1, 'kept-0.pdf', 'uploaded', '', 1796321353458);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (2, 1, 1, 2, 'kept-1.pdf', 'uploaded', '', 1796321353672);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (3, 1, 1, 3, 'kept-2.pdf', 'uploaded', '', 1796321353720);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (4, 1, 1, 1, 'kept-0.pdf', 'replaced', '2', 1796321353800);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (5, 1, 1, 2, 'kept-1.pdf', 'shared', 'bob290942', 1796321353843);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (6, 1, 1, 3, 'kept-2.pdf', 'link_created', '1', 1796321354106);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (7, 1, 1, 4, 'searched.pdf', 'uploaded', '', 1796321354189);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (8, 1, 1, 5, 'trashed.pdf', 'uploaded', '', 1796321354255);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (9, 1, 1, 5, 'trashed.pdf', 'deleted', '', 1796321354280);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (10, 1, 1, 6, 'purged.pdf', 'uploaded', '', 1796321354376);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (11, 1, 1, 6, 'purged.pdf', 'deleted', '', 1796321354420);
INSERT INTO activity (id, user_id, actor_id, file_id, file_name, action, detail, created_at) VALUES (12, 1, 1, 6, 'purged.pdf', 'purged', '', 1796321354474);
DELETE FROM api_keys;
INSERT INTO api_keys (id, user_id, name, key_hash, scopes, created_at, expires_at, last_used_at) VALUES (1, 1, 'backup script', '3a9dabc3ad97b06bcbdcf9360c65d8f0c9f472638a63f3be8926356cda94503f', 'files:read account', 1796321355133, NULL, NULL);
DELETE FROM auth_tokens;
INSERT INTO auth_tokens (id, token_hash, user_id, created_at, last_used_at, expires_at) VALUES (1, '565eb483f0c948bc45c5c5ce29290c4671e3802b2ccfa0395d60a24d122152cc', 1, 1796321352683, 1796321352683, 4949921352683);
INSERT INTO auth_tokens (id, token_hash, user_id, created_at, last_used_at, expires_at) VALUES (2, '3ad58ddfd693d951a1c33fb1cbfd409cb583fc7d11f44dda3fadb6ed33019b42', 2, 1796321353100, 1796321353100, 4949921353100);
INSERT INTO auth_tokens (id, token_hash, user_id, created_at, last_used_at, expires_at) VALUES (3, 'ff97841caf81d880eebd3d9cedf67e80a530420ace6349b6870c5bc920e93fdb', 3, 1796321355459, 1796321355459, 4949921355459);
DELETE FROM file_requests;
DELETE FROM files;
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at, details_changes) VALUES (4, 1, 'searched.pdf', 'searched.pdf', '9ec4100cd7ad3a4481922bceddd6f3a3', 2930, 'a5319b22d226ad5b5822a3a6e707e0cd9fef8c15fb7946aa0010c02c4cc2f7d2', 'application/pdf', 'users', 1796321354184, 1796321354184, 'local', NULL, NULL, 1, NULL, NULL, 4);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at, details_changes) VALUES (5, 1, 'trashed.pdf', 'trashed.pdf', '0b66cf7367f3d096e4e7e7a20fc609a1', 2330, '33b85ad16b0389a9f788e6cf7f141375e9a77c418dbf70726517c478a98eea80', 'application/pdf', 'users', 1796321354245, 1796321354245, 'local', NULL, 1796321354278, 1, NULL, NULL, 1);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at, details_changes) VALUES (2, 1, 'kept-1.pdf', 'kept-1.pdf', '75ab48c28ecd70789cac2644f68e423d', 2290, '0b44abc796bae9404d48a2af63f8b06cc88de5e759cee283601af96e2d5c2f0b', 'application/pdf', 'users', 1796321353669, 1796321353669, 'local', NULL, NULL, 1, NULL, NULL, 4);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at, details_changes) VALUES (3, 1, 'kept-2.pdf', 'kept-2.pdf', '597a1e2e215e5f9a7e318cb4d0116be0', 2290, '0080fb3d293a3b6607f6905ca02fa05bd9ab5c4464e438539f715a48ccad3deb', 'application/pdf', 'users', 1796321353716, 1796321353716, 'local', NULL, NULL, 1, NULL, NULL, 4);
INSERT INTO files (id, owner_id, name, name_key, blob_key, size, sha256, content_type, visibility, created_at, updated_at, store, request_id, deleted_at, version, content_by, content_at, details_changes) VALUES (1, 1, 'kept-0.pdf', 'kept-0.pdf', 'f6a055350f926fb8353171342ff6938a', 2930, '49698fda03ed72451148aab8ba27d51be7e6371930acbe4a2644e8ba29417605', 'application/pdf', 'users', 1796321353446, 1796321353777, 'local', NULL, NULL, 2, 1, 1796321353777, 8);
DELETE FROM invitations;
DELETE FROM link_events;
DELETE FROM recovery_codes;
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (1, 3, '0e43c3dc498d5f8f9502fb4bf0f9031a47f23d7dbf68c9142da956826f571c1a');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (2, 3, 'f62f970b9be625fdd50c333c1cd1952448c3708fa87f6c5f4088400ff1a8693f');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (3, 3, 'f5d49f38a8ca2e5cd9916391ea9fdcb95d582137eb9ea0fc2d2a246ecd163283');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (4, 3, '5986d985df76ef1608737ca879ee6ef49c48280f3399376fd5eabd758bec7de0');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (5, 3, 'bbdf0aa9a1990ef0beccfa396a75c7bec33c5da9828c974885207bd7a5cf07f0');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (6, 3, 'f64883a787a8eec28e281dda52ba50bd074c7c5c4193b171421bfe3310c2a6d1');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (7, 3, 'cba23ebb5a420bdbc477b98a52d160f9d2e7c9bbb222a699822530cbf909fcd9');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (8, 3, '2d8320989c02bff7683dfd2481400c8715d6caa28e6cb65f3a9703620fc3ad1d');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (9, 3, '2821f5f366f2e1804caba092e2f284eb633d912dfd6a943febab4ab637d534d2');
INSERT INTO recovery_codes (id, user_id, code_hash) VALUES (10, 3, 'ed7308dfb421c049561e690f1f513ff2303316825d6a18a58502016600293aeb');
DELETE FROM request_uploads;
DELETE FROM request_visits;
DELETE FROM share_links;
INSERT INTO share_links (id, file_id, owner_id, token, label, expires_at, password_hash, max_downloads, downloads, notify_first_download, created_at, updated_at, recipients, mode, watermark) VALUES (1, 3, 1, '484ba3e47fd1fed78f20e3987e6e0294af0f7d73', '', NULL, '{argon2}$argon2id$v=19$m=19456,t=2,p=1$/NVkh68JswTeHujpqtmFNg$TV4PDIiO9+HcpkB0dbJIAt9VgKpiMu25jmJusteWunM', NULL, 0, FALSE, 1796321354094, 1796321354094, NULL, 'download', FALSE);
DELETE FROM sign_in_challenges;
DELETE FROM sso_codes;
DELETE FROM storage_usage;
INSERT INTO storage_usage (user_id, bytes, files, reserved, quota_bytes, quota_files) VALUES (1, 15060, 5, 3850, NULL, NULL);
DELETE FROM tus_uploads;
INSERT INTO tus_uploads (id, owner_id, upload_length, upload_offset, metadata, file_id, lock_token, locked_until, created_at, expires_at, scope, reserved) VALUES ('66d7f5bf32721008336b585672ed59dc', 1, 3850, 1925, 'filename cmVzdW1lZC5wZGY=', NULL, NULL, 0, 1796321355598, 4949921355598, '', 3850);
DELETE FROM two_factor;
INSERT INTO two_factor (user_id, secret, enabled_at, last_step, created_at) VALUES (3, 'D7YVXS664VQ7R3T3DDJX2LCYXGAUTTSZ', 1796321355558, 59877378, 1796321355482);
DELETE FROM user_identities;
DELETE FROM documents;
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (4, 'a5319b22d226ad5b5822a3a6e707e0cd9fef8c15fb7946aa0010c02c4cc2f7d2', 'indexed', 0, 1796321354190, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796321355002);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (5, '33b85ad16b0389a9f788e6cf7f141375e9a77c418dbf70726517c478a98eea80', 'pending', 0, 1796324955106, NULL, NULL, NULL, NULL, 1796321354257);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (2, '0b44abc796bae9404d48a2af63f8b06cc88de5e759cee283601af96e2d5c2f0b', 'indexed', 0, 1796321353673, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796321354339);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (3, '0080fb3d293a3b6607f6905ca02fa05bd9ab5c4464e438539f715a48ccad3deb', 'indexed', 0, 1796321353722, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796321354639);
INSERT INTO documents (file_id, sha256, state, attempts, due_at, claimed_by, claimed_until, facts, error, updated_at) VALUES (1, '49698fda03ed72451148aab8ba27d51be7e6371930acbe4a2644e8ba29417605', 'indexed', 0, 1796321353802, NULL, NULL, '{"pages":1,"title":null,"author":null,"subject":null,"keywords":null,"creator":null,"producer":null,"created":null,"modified":null,"pdf_version":"1.6","encrypted":false,"forms":false,"signatures":false,"attachments":false,"active_content":[]}', NULL, 1796321354810);
DELETE FROM file_shares;
INSERT INTO file_shares (id, file_id, recipient_id, invited_email, invited_key, permission, shared_by, created_at, updated_at) VALUES (1, 2, 2, NULL, NULL, 'read', 1, 1796321353835, 1796321353835);
DELETE FROM file_versions;
INSERT INTO file_versions (id, file_id, number, store, blob_key, size, sha256, content_type, created_at, uploaded_by, replaced_at, replaced_by) VALUES (1, 1, 1, 'local', '4b3c4cd1df02e72ef254ab5d0e51e91b', 2290, '63116f142df39cb87d08640e2922d0f6a655f9634219bb51081366818265298f', 'application/pdf', 1796321353446, 1, 1796321353777, 1);
DELETE FROM link_unlocks;
DELETE FROM tus_pieces;
INSERT INTO tus_pieces (upload_id, piece_offset, length, blob_key, store, sha256) VALUES ('66d7f5bf32721008336b585672ed59dc', 0, 1925, '74f74b49354f95a43791d4ee6396458f', 'local', '5b1643e9f568b82603528f9935784e3c53bddb98db0d962b961c3679e26b5555');
SELECT setval(pg_get_serial_sequence('users', 'id'), 3);
SELECT setval(pg_get_serial_sequence('auth_tokens', 'id'), 3);
SELECT setval(pg_get_serial_sequence('mail_outbox', 'id'), 4);
SELECT setval(pg_get_serial_sequence('file_shares', 'id'), 1);
SELECT setval(pg_get_serial_sequence('share_links', 'id'), 1);
SELECT setval(pg_get_serial_sequence('file_versions', 'id'), 1);
SELECT setval(pg_get_serial_sequence('activity', 'id'), 12);
SELECT setval(pg_get_serial_sequence('files', 'id'), 6);
SELECT setval(pg_get_serial_sequence('api_keys', 'id'), 1);
SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 5);
SELECT setval(pg_get_serial_sequence('recovery_codes', 'id'), 10);
SET session_replication_role = DEFAULT;
