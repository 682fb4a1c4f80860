/** jtel records shaped like the samples of the jtel wiki "Dialler REST API - Dialler Contact Functions". */
export const SERVER = 'https://acd.example.com';
export const CLIENTS_ID = '1234';
export const BASE_PATH = `/rest/v1.0/${CLIENTS_ID}`;
export const TOKEN = 'jtel-dummy-token-0123456789abcdef';
export const credentials = { jtelApi: { serverUrl: SERVER, clientsId: CLIENTS_ID, token: TOKEN } };

export function contact(id: number, extra: Record<string, unknown> = {}) {
	return {
		ID: id,
		DiallerCampaignsID: 538,
		Name: 'Mustermann',
		FirstName: 'Max',
		Company: 'Musterfirma GmbH',
		PhoneNumber1: '+4989123456',
		UserData: `crm-${id}`,
		Email: null,
		ExternalSystemLink: null,
		bPhoneNumber1Invalid: null,
		nTriesPhoneNumber1: 0,
		nPhoneNumber1LastCause: null,
		dtNextTry: null,
		Tag: null,
		...extra,
	};
}

export function campaign(id: number, name: string) {
	return { ID: id, Name: name, Description: null, Active: true };
}

/** A list answer: jtel sends every record at once. */
export function list(records: unknown[]) {
	return {
		filter: null,
		limitStart: 0,
		limitPageSize: records.length,
		records,
		count: records.length,
		orderBy: null,
		ascending: true,
		status: 200,
	};
}

/** A single-record answer (get, import). */
export function one(record: unknown) {
	return { records: [record], count: 1, status: 200 };
}
