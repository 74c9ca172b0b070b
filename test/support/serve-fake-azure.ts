// A loopback Azure AD + ACR to try the app or the CLI by hand:
//   npx tsx test/support/serve-fake-azure.ts
// prints the addresses, the CA file and working credentials, and serves until Ctrl-C.
import { FakeAzure, GOOD } from './fake-azure';

const az = await new FakeAzure().start();
console.log(`registry address : ${az.registryAddress}
authority host   : ${az.authorityHost}
CA file          : ${az.caFile}
tenant id        : ${GOOD.tenantId}
client id        : ${GOOD.clientId}
client secret    : ${GOOD.secret}`);
process.on('SIGINT', () => void az.close().then(() => process.exit(0)));
