// The one JSON user every bench server and in-memory fetch answers with, so every part measures the
// same payload.
export const USER_JSON = JSON.stringify({
  id: 1,
  name: 'Leanne Graham',
  username: 'Bret',
  email: 'Sincere@april.biz',
  phone: '1-770-736-8031 x56442',
  website: 'hildegard.org',
});
