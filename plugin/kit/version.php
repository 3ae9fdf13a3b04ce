<?php
/**
 * The version of this copy of the kit (rewritten by the fixtures build).
 *
 * @package BatchKeys\Kit
 */

return '0.1.0';
