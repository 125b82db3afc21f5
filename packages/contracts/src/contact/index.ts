/** Every published contact event version (`contact.events`). */
export const contactContracts = [] as const;
