/**
 * The GraphQL documents several specs send, declared once (a spec's own questions stay in the spec).
 * Each asks for the fields any of its specs reads.
 */

// Accounts
export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken accessTokenExpiresAt refreshToken user { id email displayName } }
}`;

export const LOG_IN = `mutation LogIn($input: LogInInput!) {
  logIn(input: $input) { accessToken refreshToken user { id email } }
}`;

// The registry
export const ME_ROLES = `query MeRoles { me { id roles { role network { id slug } space { id } } } }`;
export const REGISTER_NETWORK = `mutation RegisterNetwork($input: RegisterNetworkInput!) {
  registerNetwork(input: $input) { id slug name currency timezone settlementMode }
}`;
export const REGISTER_SPACE = `mutation RegisterSpace($input: RegisterSpaceInput!) {
  registerSpace(input: $input) { id slug name city country address latitude longitude timezone }
}`;
const MEMBERSHIP_FIELDS = 'id status nomadSeats creditsPerDay joinedAt network { id } space { id }';
export const REQUEST_MEMBERSHIP = `mutation RequestMembership($input: RequestMembershipInput!) {
  requestMembership(input: $input) { ${MEMBERSHIP_FIELDS} }
}`;
export const APPROVE_MEMBERSHIP = `mutation Approve($id: ID!) { approveMembership(membershipId: $id) { ${MEMBERSHIP_FIELDS} } }`;
export const SUSPEND_MEMBERSHIP = `mutation Suspend($id: ID!) { suspendMembership(membershipId: $id) { ${MEMBERSHIP_FIELDS} } }`;
export const REGISTER_SCANNER = `mutation RegisterScanner($input: RegisterScannerInput!) {
  registerScanner(input: $input) { token scanner { id name createdAt revokedAt space { id } } }
}`;
export const REVOKE_SCANNER = `mutation RevokeScanner($id: ID!) { revokeScanner(scannerId: $id) { id revokedAt } }`;
export const CURRENT_SCANNER = `query CurrentScanner { currentScanner { id name space { id slug } } }`;
export const CREATE_ORGANIZATION = `mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name network { id } }
}`;

// Passes and their QR codes
export const MY_PASSES = `query MyPasses { myPasses { id serial status holder { id email displayName } } }`;
export const REVOKE_PASS = `mutation RevokePass($id: ID!, $reason: String!) {
  revokePass(passId: $id, reason: $reason) { id status }
}`;
export const QR_IMAGES = `query QrImages($id: ID!) { pass(id: $id) { qr { token svg pngDataUrl } } }`;
export const NETWORK_KEYS = `query NetworkKeys($id: ID!) { networkKeys(networkId: $id) { kid alg jwk createdAt retiredAt } }`;
