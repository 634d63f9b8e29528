import { PageLoading } from '@/components/layout/page-loading';

// Only where nothing below can be "not found": a loading boundary above a notFound() would have
// the page stream out as a 200 before it knew (segments with ids check in their layout first).
export default PageLoading;
