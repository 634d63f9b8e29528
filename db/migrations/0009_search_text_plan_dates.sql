ALTER TABLE "plans" DROP CONSTRAINT "plans_dates_ordered";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(translate("name" || chr(10) || coalesce("email", '') || chr(10) || coalesce("phone", ''), 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČçćčĎĐďđÈÉÊËĒĖĘĚèéêëēėęěÌÍÎÏĪĮİìíîïīįıÑŃŇñńňÒÓÔÕÖØŌŐòóôõöøōőŘřŚŠŞśšşŤťÙÚÛÜŪŮŰŲùúûüūůűųÝŸýÿŹŻŽźżžŁł''’‘ʼʻ`´′', 'aaaaaaaaaaaaaaaaaaccccccddddeeeeeeeeeeeeeeeeiiiiiiiiiiiiiinnnnnnoooooooooooooooorrssssssttuuuuuuuuuuuuuuuuyyyyzzzzzzll'))) STORED NOT NULL;--> statement-breakpoint
-- Plans ended before they began (discharged or replaced the day they started) were given an end
-- the day before their start; they ran that one day.
UPDATE "plans" SET "end_date" = "start_date" WHERE "end_date" < "start_date";--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_dates_ordered" CHECK ("plans"."end_date" is null or "plans"."end_date" >= "plans"."start_date");