import { unknownResource } from "@/lib/api/api-handler";

/**
 * Any other path under /api/v1: 404 as a problem document, not Next's HTML page, so a client that
 * follows a wrong link reads the same kind of error as from any resource.
 */
export const GET = unknownResource;
export const POST = unknownResource;
export const PUT = unknownResource;
export const PATCH = unknownResource;
export const DELETE = unknownResource;
