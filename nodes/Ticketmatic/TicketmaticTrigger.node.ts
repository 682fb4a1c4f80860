import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { ContactEvent } from './contactChanges';
import { pollContactChanges } from './contactChanges';

export class TicketmaticTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ticketmatic Trigger',
		name: 'ticketmaticTrigger',
		icon: {
			light: 'file:../../icons/ticketmatic.svg',
			dark: 'file:../../icons/ticketmatic.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "contactCreated" ? "Contact created" : "Contact updated" }}',
		description: 'Starts the workflow when Ticketmatic contacts are created or updated',
		defaults: { name: 'Ticketmatic Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ticketmaticApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Contact Created',
						value: 'contactCreated',
						description: 'A new contact was added',
					},
					{
						name: 'Contact Updated',
						value: 'contactUpdated',
						description: 'An existing contact was changed (each change once)',
					},
				],
				default: 'contactCreated',
			},
			{
				displayName:
					'Each poll asks Ticketmatic for the contacts changed since the last one and emits each change once (by contact and update time). A poll without a stored position (the activation, a changed event, or n8n kept none: its durable poll scheduler with durable cursors keeps nothing from an activation that emitted nothing) also emits the changes of one poll interval before it: the shortest Poll Times period plus a minute (a custom cron that is not every n minutes, hours or a daily time counts as a week). A poll reads for at most the time n8n gives it (30 s where n8n says nothing); the next carries on where it stopped. A test run shows the latest few contacts.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as ContactEvent;
		const contacts = await pollContactChanges(this, event);
		return contacts.length ? [this.helpers.returnJsonArray(contacts)] : null;
	}
}
