import { preflight, unknownRoute } from "@/lib/api/handler";

// Any other address under /api/v1 answers a problem, not the site's HTML 404 page.
export const GET = unknownRoute;
export const HEAD = unknownRoute;
export const OPTIONS = preflight;
