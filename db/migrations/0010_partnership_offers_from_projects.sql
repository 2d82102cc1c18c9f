-- « M'associer avec d'autres »: a project's « Je cherche des associés » flag and note become its
-- partnership offer (what it seeks; what it brings is left for its holder to write).
INSERT INTO `partnership_offers` (`project_id`, `brings`, `seeks`, `open`, `created_at`, `updated_at`)
SELECT `p`.`id`, '',
  CASE WHEN trim(`p`.`partners_note`) = '' THEN 'Des associés pour entreprendre à plusieurs.' ELSE trim(`p`.`partners_note`) END,
  1, `p`.`updated_at`, `p`.`updated_at`
FROM `projects` `p`
WHERE `p`.`seeks_partners` = 1
  AND NOT EXISTS (SELECT 1 FROM `partnership_offers` `o` WHERE `o`.`project_id` = `p`.`id`);
