<?php
/**
 * Site Health: the shape of a test result and the dates it shows.
 *
 * @package BatchKeys\Kit
 */

namespace BatchKeys\Kit\Health;

use BatchKeys\Kit\Admin\Screen;
use BatchKeys\Kit\Clock;
use BatchKeys\Kit\Product\Product;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * What every test of the kit returns, built one way: the headline, the paragraphs (dynamic parts
 * escaped by the caller, only <code> kept), a link to the product's screen when something is to
 * be done, and the "Licenses" badge.
 */
final class Report {

	/**
	 * A Site Health result.
	 *
	 * @param string             $test        Test name.
	 * @param string             $status      good, recommended or critical.
	 * @param string             $label       Headline (plain text).
	 * @param array<int, string> $paragraphs  Paragraphs (HTML: dynamic parts already escaped).
	 * @param Product|null       $product     The product, for a link to its screen.
	 * @return array<string, mixed>
	 */
	public static function result( $test, $status, $label, array $paragraphs, $product ) {
		$description = '';
		foreach ( $paragraphs as $paragraph ) {
			if ( '' !== $paragraph ) {
				$description .= '<p>' . wp_kses( $paragraph, array( 'code' => array() ) ) . '</p>';
			}
		}
		$actions = '';
		if ( null !== $product && class_exists( Screen::class ) && 'good' !== $status ) {
			$url = Screen::page_url( $product );
			if ( '' !== $url ) {
				$actions = sprintf(
					'<p><a href="%s">%s</a></p>',
					esc_url( $url ),
					/* translators: %s: product name. */
					esc_html( sprintf( __( 'Open the %s license screen', 'batchkeys' ), $product->name ) )
				);
			}
		}
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Licenses', 'batchkeys' ),
				'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
			),
			'description' => $description,
			'actions'     => $actions,
			'test'        => $test,
		);
	}

	/**
	 * A date and time for people, in the site's time zone, with how long ago or ahead.
	 *
	 * @param int|null $timestamp Unix timestamp.
	 * @return string Escaped.
	 */
	public static function when( $timestamp ) {
		if ( null === $timestamp ) {
			return esc_html__( 'never', 'batchkeys' );
		}
		$now  = Clock::now();
		$date = Clock::local( (int) $timestamp );
		$span = human_time_diff( (int) $timestamp, $now );
		$rel  = $timestamp <= $now
			/* translators: %s: time span, such as "3 hours". */
			? sprintf( __( '%s ago', 'batchkeys' ), $span )
			/* translators: %s: time span, such as "3 hours". */
			: sprintf( __( 'in %s', 'batchkeys' ), $span );
		return esc_html( $date . ' (' . $rel . ')' );
	}
}
