-- The editorial app's tables as `sqlmigrate editorial 0001` and `0002` created them at commit 4285a49,
-- the last commit before the app was split into notifications and reporting (SQLite).
CREATE TABLE "editorial_notification" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "key" varchar(120) NOT NULL, "event" varchar(40) NOT NULL, "email" varchar(254) NOT NULL, "subject" varchar(255) NOT NULL, "sent_at" datetime NOT NULL, "page_id" integer NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "recipient_id" bigint NOT NULL REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "uniq_notification" UNIQUE ("key", "recipient_id"));
CREATE INDEX "editorial_notification_event_7f5c8cfb" ON "editorial_notification" ("event");
CREATE INDEX "editorial_notification_page_id_7b8cd3c0" ON "editorial_notification" ("page_id");
CREATE INDEX "editorial_notification_recipient_id_abead54d" ON "editorial_notification" ("recipient_id");
CREATE TABLE "editorial_articletarget" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "monthly_articles" integer unsigned NOT NULL CHECK ("monthly_articles" >= 0), "updated_at" datetime NOT NULL, "unit_id" bigint NOT NULL UNIQUE REFERENCES "portal_sites_unit" ("id") DEFERRABLE INITIALLY DEFERRED, "updated_by_id" bigint NULL REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX "editorial_articletarget_updated_by_id_eb7eb0ac" ON "editorial_articletarget" ("updated_by_id");
