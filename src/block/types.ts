/** The block's attributes (block.json). A type alias: BlockEditProps needs an index signature. */
export type LicenseFormAttributes = {
	product: string;
	label: string;
	buttonText: string;
	note: string;
};
