export const CURRENT_AGREEMENT = {
  version: "2026-09",
  title: "Customer Agreement",
  publishedAt: new Date("2026-09-01T00:00:00Z"),
  body: `This Customer Agreement (the "Agreement") is between your organization ("Customer", "you") and the provider of the Partnerships service ("we", "us"). It governs the products and services you buy through a partner, and the access you choose to give partners to administer them. By accepting it, the person accepting confirms they are authorized to bind the Customer.

1. Partners and what they may do
1.1 A partner is an independent organization. You choose which partners you work with and in what capacity: as a reseller, an advisor, a delegated administrator or otherwise.
1.2 Administrative roles you grant a partner let its people act in your organization with the permissions of those roles. You decide which roles to grant, and you can remove them at any time under Settings > Partner relationships. Removing roles does not end a reseller or other commercial relationship; ending it is done with the partner.
1.3 Time-bound access (granular delegated administration) ends on the date shown when you approved it, unless you allowed it to extend itself. Roles that include Global administrator never extend themselves.
1.4 You remain responsible for reviewing what your partners can do. We recommend reviewing partner access every quarter.

2. Purchases through partners
2.1 A partner may place orders on your behalf only after you have accepted this Agreement. Prices, payment terms and support are agreed between you and the partner.
2.2 Where you allow it, partners under a Products and Services Agreement may see purchases made by your other such partners. This is off unless you turn it on.

3. Your data
3.1 Your data remains yours. Partners may process it only to provide the services you asked for, and only within the roles you granted.
3.2 We keep a record of every grant, removal and acceptance so that you can see who did what and when.

4. Security
4.1 You agree to keep the accounts of your administrators secure and to remove access from people who no longer need it.
4.2 Tell us and your partner without delay if you believe a partner's access has been misused.

5. Term and termination
5.1 This Agreement applies from the moment you accept it until every subscription bought under it has ended.
5.2 Either party may end it for material breach not cured within 30 days of notice.

6. Changes to this Agreement
6.1 We may publish a new version. Your administrators will be asked to accept it; until they do, partners cannot place new purchases on your behalf.

7. General
7.1 This Agreement is the entire agreement about its subject. If a provision is unenforceable, the rest remains in effect.
7.2 Notices to you are sent to your Global administrators.`,
};
