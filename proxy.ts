import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Everything but the API, Next's own files and files with an extension (icons, fonts).
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
