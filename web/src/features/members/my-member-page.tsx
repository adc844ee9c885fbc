import { OwnMemberPage } from './member-detail-page';

export default OwnMemberPage;
