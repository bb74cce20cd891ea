export { createFirstAdministrator, prepareFirstAdministratorLink } from './first-administrator';
export { accountOf, inviteAccount } from './invite-account';
export { baseUrlOf, LINK_LIFETIME_HOURS } from './one-time-links';
export { presentAccount } from './present-account';
export { requestPasswordReset } from './request-password-reset';
export { sendAccountLink } from './send-account-link';
export { describeLink, setPasswordFromLink } from './set-password';
export { describeGrant } from './describe-grant';
export { decideAccountRequest, presentAccountRequest } from './decide-account-request';
