// The three-colour rating (attitude, tone, expression × red, yellow, blue) as form fields, shared by feedback at the door and the room's public link.
import { Form, Radio } from 'antd';
import { useI18n } from '../i18n.tsx';

export const DIMENSIONS = ['attitude', 'tone', 'expression'] as const;
export const COLOURS = ['red', 'yellow', 'blue'] as const;
export type Colour = (typeof COLOURS)[number];
export type Ratings = Record<(typeof DIMENSIONS)[number], Colour>;

/** One required choice per dimension; the buttons wrap on a narrow phone. */
export function RatingFields() {
  const { t } = useI18n();
  return (
    <>
      {DIMENSIONS.map((d) => (
        <Form.Item
          key={d}
          name={d}
          label={t(`of_dim_${d}`)}
          rules={[{ required: true, message: t('required') }]}
        >
          <Radio.Group
            aria-label={t(`of_dim_${d}`)}
            optionType="button"
            buttonStyle="solid"
            style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
            options={COLOURS.map((c) => ({ value: c, label: t(`of_colour_${c}`) }))}
          />
        </Form.Item>
      ))}
    </>
  );
}
