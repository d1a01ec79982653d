-- Webhook signing secrets are stored encrypted (AES-256-GCM, SecretsAtRest): room for the nonce, the tag and base64.
-- Rows stored before are encrypted by capture-service at its next start (WebhookSecretsAtRest).
alter table webhook_source alter column secret type varchar(200);
alter table webhook_source alter column previous_secret type varchar(200);
