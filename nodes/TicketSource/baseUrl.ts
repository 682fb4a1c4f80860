import type { BaseUrlOf } from '../shared/executor';

/** TicketSource's API, the same for every account (the credential holds only the key; https://ticketsource.io/working-with-customers). */
export const baseUrlOf: BaseUrlOf = () => 'https://api.ticketsource.io';
