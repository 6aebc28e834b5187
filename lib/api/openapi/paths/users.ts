import "server-only";
import { z } from "zod";
import { authenticated, errors, HAL_JSON, halLinksSchema } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { apiUserIdSchema, createApiUserSchema, findApiUsersQuery } from "@/lib/validations/api-users";

/**
 * The users resource (app/api/v1/users). Requests are described by the schemas the routes parse with;
 * the representations are built by hand in lib/api/users/user-resource.ts, which is typed against the
 * schemas below (and tested against them), so the two cannot drift apart silently.
 */

export const userResourceSchema = z
  .strictObject({
    id: z.string().meta({ description: "The user's id." }),
    email: z.email().meta({ description: "Lower case." }),
    username: z.string().nullable().meta({ description: "Lower case; null when none was given." }),
    phone: z.string().nullable().meta({ description: "E.164 (`+447400123456`); null when none was given." }),
    externalId: z.string().nullable().meta({ description: "Your application's id for the person; null when none was given." }),
    mfaEnabled: z.boolean().meta({ description: "Whether the person has completed MFA enrolment." }),
    createdAt: z.iso.datetime().meta({ description: "When the account was made (UTC)." }),
    _links: halLinksSchema,
  })
  .meta({ id: "User", description: "A user as your application sees it: the installation's account, with your externalId." });

export const userCollectionSchema = z
  .strictObject({
    count: z.int().meta({ description: "How many users are embedded." }),
    _embedded: z.strictObject({ users: z.array(userResourceSchema) }),
    _links: halLinksSchema,
  })
  .meta({ id: "UserCollection", description: "Users matching a query, embedded (HAL)." });

export type UserResourceBody = z.input<typeof userResourceSchema>;
export type UserCollectionBody = z.input<typeof userCollectionSchema>;

const location = z.object({ Location: z.url().meta({ description: "The new user's URL (its `self` link)." }) });

export const users: ApiFamily = {
  tag: {
    name: "Users",
    description:
      "The people your application asks us to protect. A person has one account in this installation, whichever application provisioned them; each application sees only the users it provisioned, under its own `externalId`.",
  },
  paths: {
    "/users": {
      post: authenticated({
        operationId: "createUser",
        summary: "Provision a user",
        description:
          "Makes an account for a person, linked to your application. The account has no password: the person signs in to the portal with an emailed link, or is served through the flows. An email address that already has an account is 409 `USER_EXISTS`, linking to the user when it is your own.",
        requestBody: { required: true, content: { "application/json": { schema: createApiUserSchema } } },
        responses: {
          "201": { description: "The user was made.", headers: location, content: { [HAL_JSON]: { schema: userResourceSchema } } },
          ...errors(400, 409, 413, 415),
        },
      }),
      get: authenticated({
        operationId: "findUsers",
        summary: "Find a user by externalId",
        description: "Your application's user with this externalId, as a collection of none or one. Another application's identical externalId is another person and is never found.",
        requestParams: { query: findApiUsersQuery },
        responses: {
          "200": { description: "The matching user, if any.", content: { [HAL_JSON]: { schema: userCollectionSchema } } },
          ...errors(400),
        },
      }),
    },
    "/users/{id}": {
      get: authenticated({
        operationId: "getUser",
        summary: "Read a user",
        description: "One of your application's users. Another application's user and an id that exists nowhere are the same 404.",
        requestParams: { path: z.object({ id: apiUserIdSchema }) },
        responses: {
          "200": { description: "The user.", content: { [HAL_JSON]: { schema: userResourceSchema } } },
          ...errors(404),
        },
      }),
    },
  },
};
