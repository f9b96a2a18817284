import { getGlossaryEntryEndpoint, serve } from "@/lib/api/endpoints";

export const { GET, HEAD, OPTIONS } = serve(getGlossaryEntryEndpoint);
