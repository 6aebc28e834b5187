import { errors } from "@/lib/i18n/messages/en/errors";

/**
 * What a field's check says, in English, for the zod schemas (lib/validations, the flows' event
 * schemas) and the sign-in form's own check: `z.string().min(1, { error: validationMessages.password })`.
 * The schemas keep English, so the flow API and the REST API answer in English as before; the pages'
 * doors word a field error in the reader's language (word-validation.ts), finding it in the catalogue
 * by its English words. Light on purpose: the sign-in page's browser code imports it.
 */
export const validationMessages = errors.validation;
