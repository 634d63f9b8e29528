import { PageLoading } from '@/components/layout/page-loading';

// Below the layout's admin check, so a refusal is still a 403 and not a streamed 200.
export default PageLoading;
