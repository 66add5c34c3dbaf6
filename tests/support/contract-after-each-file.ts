import { takeContractViolations } from './response-contract';

/** Every API test file ends by asserting that no answer broke the OpenAPI document (see response-contract.ts). */
afterAll(() => {
  expect(takeContractViolations()).toEqual([]);
});
